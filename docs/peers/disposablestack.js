// Checks the README's claims about JavaScript's DisposableStack (TC39 explicit resource
// management) with the es-shims polyfill, which follows the specification. Node 20 has neither
// DisposableStack nor the `using` syntax, so `using` is not exercised here (see the README note).
//   npm install disposablestack@1.1.8 && node docs/peers/disposablestack.js
require('disposablestack/auto');
const check = (name, ok) => console.log(`${ok ? 'yes' : 'no '}  ${name}`);

{ // LIFO, each once even when some fail; several failures are nested in SuppressedErrors.
  const log = [];
  const s = new DisposableStack();
  s.defer(() => { log.push('a'); throw new Error('A'); });
  s.defer(() => { log.push('b'); throw new Error('B'); });
  let caught;
  try { s.dispose(); } catch (e) { caught = e; }
  check('cleanups run LIFO, each once, when some fail', log.join('') === 'ba');
  check('several failures: a new SuppressedError (error A, suppressed B), not the first failure',
    caught instanceof SuppressedError && caught.error.message === 'A' && caught.suppressed.message === 'B');
}
{ // A cleanup is not told whether or how the block failed, and cannot suppress it.
  let args;
  const s = new DisposableStack();
  s.defer((...a) => { args = a; return true; });
  s.dispose();
  check('a deferred cleanup receives the block\'s failure', args.length > 0);
}
{ // Ownership hand-over.
  const log = [];
  const s = new DisposableStack();
  s.defer(() => log.push('moved'));
  const t = s.move();
  s.dispose();
  const before = log.length;
  t.dispose();
  check('move() hands the cleanups over to a new stack', before === 0 && log.length === 1);
}
check('AsyncDisposableStack exists', typeof AsyncDisposableStack === 'function');
