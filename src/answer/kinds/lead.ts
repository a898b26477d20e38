import { roleKind } from "./role.js";

/** "谁带队？", "带领…的有谁？": who led the group. */
export const lead = roleKind({ name: "lead", description: "who led (带队, 带领)", roles: ["带队"] });
