/**
 * Whether a run may move work to threads of its own (a big API's docs and validators). `--jobs 1`
 * says no: the run then keeps to one thread, as a machine that gives it one core expects, and it
 * is the sequential baseline the pool's speedup is measured against.
 */
let allowed = true;

export function keepToOneThread(): void {
  allowed = false;
}

export function threadsAllowed(): boolean {
  return allowed;
}
