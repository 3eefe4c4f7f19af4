// The few mocha globals the element tests use (web-test-runner provides mocha; @types/mocha is not installed).
type Done = (err?: unknown) => void;
type TestFn = (this: { timeout(ms: number): void }, done: Done) => void | Promise<unknown>;
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: TestFn): void;
declare function before(fn: TestFn): void;
declare function after(fn: TestFn): void;
declare function beforeEach(fn: TestFn): void;
declare function afterEach(fn: TestFn): void;
