/*
 * Ribbon commands. The ribbon button opens the taskpane through ShowTaskpane (manifest), so no
 * function command is needed yet; this chunk registers the shared runtime's readiness.
 */
if (typeof Office !== 'undefined') {
  void Office.onReady();
}
export {};
