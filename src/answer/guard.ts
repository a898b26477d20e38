/**
 * The answer guard: every name and number an answer or a digest summary
 * states must be in the text it cites. The rules live in `guard/`, one
 * concept a file: numbers by value, person names, injected links and
 * instructions, and the check that combines them.
 */
export { unsupported } from "./guard/check.js";
export { injectedContent } from "./guard/injected.js";
export { namesIn, standsAsName, unsupportedNames } from "./guard/names.js";
export { numbersIn, unsupportedNumbers } from "./guard/numbers.js";
