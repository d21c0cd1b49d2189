/**
 * A terminal has no message limits: long bodies (reference answers) print whole.
 * Width of the rule drawn above each message:
 */
export const RULE_WIDTH = 60;
