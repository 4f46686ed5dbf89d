// Jest: unit and integration tests (test/**/*.test.ts). Browser tests live in test/e2e and run separately.
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  // A 2-core machine running the CLI and build tests side by side: 5 s (jest's default) times out under load.
  testTimeout: 30_000,
  // Builds the command line (lib/) once per run, before any test file, when its sources are newer (test/globalSetup.ts).
  globalSetup: "<rootDir>/test/globalSetup.ts",
  // One fixed fast-check seed for every property (reproducible CI); `npm run fuzz` varies it.
  setupFiles: ["<rootDir>/test/setupFastCheck.ts"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: {
          module: "commonjs",
          moduleResolution: "node",
          target: "ES2020",
          jsx: "react-jsx",
          esModuleInterop: true,
          strict: true,
          skipLibCheck: true,
          resolveJsonModule: true,
          types: ["office-js", "custom-functions-runtime", "jest", "node"],
        },
        diagnostics: { warnOnly: false },
      },
    ],
  },
  // office-addin-mock -> office-addin-manifest@3 pulls an ESM-only dependency; the mock only needs the OfficeApp enum.
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};
