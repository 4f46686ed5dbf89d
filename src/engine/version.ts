/** Version of the shipped framework data; shown in the pane and by `cohesion --version`. Bump on any data change. */
export const DATA_VERSION = "2026.12.1";
