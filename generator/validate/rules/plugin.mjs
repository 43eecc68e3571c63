// @ts-check
/**
 * redocly.yaml's entry to the apigen rules (readiness.ts). redocly loads
 * plugins with plain Node, which cannot import TypeScript; tsx (a dev
 * dependency) can. The generator itself imports readiness.ts directly.
 */
import { tsImport } from "tsx/esm/api";

const { apigenPlugin } = await tsImport("./readiness.ts", import.meta.url);
export default apigenPlugin;
