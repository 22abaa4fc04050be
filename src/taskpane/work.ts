/**
 * Runs a job on the workbook under a name ("Création du classeur"), so the rest of the pane
 * disables the actions that would conflict with it and says what it waits for.
 */
export type Work = <T>(what: string, job: () => Promise<T>) => Promise<T>;

/** Outside the App (a panel alone, in tests): the job simply runs. */
export const runDirectly: Work = (_what, job) => job();
