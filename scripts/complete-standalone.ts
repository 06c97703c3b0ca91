import { completeStandalone } from "./lib/complete-standalone";

// The second half of `npm run build`, after `next build`.
console.log(`standalone server ready: node ${completeStandalone(".next")}/server.js`);
