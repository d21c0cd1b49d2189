/** A `/k8s-quiz start` round: several questions in a row in one channel. */
export interface LiveRound {
  id: string;
  teamId: string;
  starterId: string;
  starterName: string;
  quizIds: string[];
  seconds: number;
  /** Index of the question currently asked (or about to be). */
  index: number;
  status: 'running' | 'stopping' | 'finished';
  stoppedBy?: string;
  startedAt: number;
}
