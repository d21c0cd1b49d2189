import { z } from 'zod';

/** Stable ASCII kebab-case id: leaderboard history refers to it, so it never changes once shipped. */
export const StableId = z
  .string()
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be ASCII kebab-case (a-z, 0-9, single dashes)');

const Text = z.string().trim().min(1, 'must not be empty');

/** A Kubernetes minor version such as `'1.36'` (quoted in YAML, or 1.4 would read as 1.40). */
export const KubeVersion = z.string().regex(/^1\.\d{2}$/, "must be a Kubernetes minor like '1.36'");

/** An official documentation URL or a Kubernetes Enhancement Proposal number. */
export const Source = z
  .string()
  .regex(/^(https:\/\/\S+|KEP-\d+)$/, 'must be an https:// URL or a KEP number like KEP-2727');

/** One recorded divergence of a seed question's reference answer from the seed. */
export const RevisionSchema = z.strictObject({ change: Text, reason: Text });

export const QuizSchema = z
  .strictObject({
    id: StableId,
    prompt: Text,
    options: z.array(Text).min(3, 'needs 3 to 5 options').max(5, 'needs 3 to 5 options'),
    answer: z.int().nonnegative(),
    explanation: Text,
    /** Where the fact is documented: official docs URLs or KEP numbers (`KEP-2727`). */
    sources: z.array(Source).min(1, 'needs at least one source').optional(),
    /** A Kubernetes minor (`'1.38'`) whose release may change the default this item depends on. */
    recheck: KubeVersion.optional(),
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
  /** `seed`: imported from the seed document; `original`: written for this bank. */
  origin: z.enum(['seed', 'original']).optional(),
  /** The Kubernetes minor whose documentation the facts were last checked against. */
  verified: KubeVersion.optional(),
  /** Every change made to a seed answer: what and why (the seed is a source, not the truth). */
  revisions: z.array(RevisionSchema).optional(),
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
