/** A refused message: the sender or its payload failed the checks (logged, answered with a rejection). */
export class RejectedMessage extends Error {
  override name = 'RejectedMessage';
}
