declare const nlpFr: {
  (text: string): { json(options?: { offset?: boolean }): unknown };
  plugin(plugin: { words?: Record<string, string>; tags?: Record<string, unknown> }): void;
};
export default nlpFr;
