import { z } from 'zod';

/** Stable ASCII kebab-case id: leaderboard history refers to it, so it never changes once shipped. */
export const StableId = z
  .string()
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be ASCII kebab-case (a-z, 0-9, single dashes)');

const Text = z.string().trim().min(1, 'must not be empty');

export const QuizSchema = z
  .strictObject({
    id: StableId,
    prompt: Text,
    options: z.array(Text).min(3, 'needs 3 to 5 options').max(5, 'needs 3 to 5 options'),
    answer: z.int().nonnegative(),
    explanation: Text,
  })
  .superRefine((quiz, ctx) => {
    if (quiz.answer >= quiz.options.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: `index ${quiz.answer} is out of range 0..${quiz.options.length - 1}`,
      });
    }
    const seen = new Map<string, number>();
    quiz.options.forEach((option, index) => {
      const first = seen.get(option);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['options', index], message: `duplicates option ${first}` });
      } else {
        seen.set(option, index);
      }
    });
  });

export const QuestionFrontmatterSchema = z.strictObject({
  id: StableId,
  title: Text,
  category: StableId,
  difficulty: z.int().min(1).max(3),
  tags: z.array(StableId).default([]),
  quizzes: z.array(QuizSchema).min(1, 'needs at least one quiz item'),
});

export const LocaleSchema = z.enum(['zh-CN', 'en']);

export const CategorySchema = z.strictObject({
  id: StableId,
  name: z.strictObject({ 'zh-CN': Text, en: Text }),
  aliases: z.array(Text).default([]),
});

export const CategoriesFileSchema = z.array(CategorySchema).min(1);

export type QuizInput = z.infer<typeof QuizSchema>;
export type QuestionFrontmatter = z.infer<typeof QuestionFrontmatterSchema>;
export type Locale = z.infer<typeof LocaleSchema>;
export type Category = z.infer<typeof CategorySchema>;
