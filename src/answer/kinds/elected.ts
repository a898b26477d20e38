import { roleKind } from "./role.js";

/** "谁当选…？": who was elected. */
export const elected = roleKind({
  name: "elected",
  description: "who was elected (当选, 补选)",
  roles: ["当选", "补选"],
});
