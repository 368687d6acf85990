export { display, newDisplayId, kernelBridge, type DisplayOptions } from "./display";
export { format } from "./format";
export { html, Html } from "./html";
export { JUPYTER_DISPLAY, type MimeBundle, type Displayable } from "./mime";
