/**
 * The `content` commands are for maintainers: their quality checks use development
 * dependencies (kubernetes-models, dockerfile-ast, diff) that the production image leaves
 * out. They are loaded only when run, so `discord register` works in the image, and a
 * `content` command there fails in one line that says why instead of a stack trace.
 */
export async function maintainerModule<T>(command: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const missing = /Cannot find package '([^']+)'/.exec((error as Error).message)?.[1];
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND' || !missing) throw error;
    process.stderr.write(
      `k8s-quiz: ${command} needs the development dependencies (${missing} is not installed): run it from a checkout after \`npm ci\`, not in the production image\n`,
    );
    process.exit(1);
  }
}
