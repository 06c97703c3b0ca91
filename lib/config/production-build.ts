// Next replaces `process.env.NODE_ENV` in the code it compiles with the mode of the build, so in `next build`
// output this reads "production" even when the server is started with NODE_ENV=test or development. Outside
// Next (tsx scripts, Vitest) it is the process's own value. It must stay this exact expression for Next to
// inline it.
export function isProductionBuild(): boolean {
  return process.env.NODE_ENV === "production";
}
