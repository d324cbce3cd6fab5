// Tests read many response bodies of known shape; typing each would only restate the contract the
// assertions check. Response#json() is `any` here (tests only), as it is in the DOM library.
declare global {
  interface Response {
    json(): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  }
}
export {};
