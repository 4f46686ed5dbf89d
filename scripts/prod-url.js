// The production host: one setting, COHESION_URL_PROD, gives the address the production manifest
// (SourceLocation, icons, SupportUrl, help URLs) and functions.json's helpUrls point at.
// A production build without it, or with a placeholder, localhost or plain http, stops with a message
// saying what to set (README "Deploy").
const PLACEHOLDER = "https://cohesion-toolkit.example.org/";
const HOW = "Set COHESION_URL_PROD to the https address where dist/ will be served, e.g.\n" + "  COHESION_URL_PROD=https://addins.your-council.gov.uk/cohesion/ npm run build";

/**
 * @param {string | undefined} value the environment variable's value
 * @returns {string} the address, ending with "/"
 */
function resolveProdUrl(value) {
  const raw = (value || "").trim();
  if (!raw) throw new Error(`COHESION_URL_PROD is not set: the production manifest needs the host it will be served from.\n${HOW}`);
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`COHESION_URL_PROD is not an address: "${raw}".\n${HOW}`);
  }
  if (url.protocol !== "https:") throw new Error(`COHESION_URL_PROD must be https (Office loads add-ins only over https): "${raw}".\n${HOW}`);
  if (/(^|\.)example\.(org|com|net)$/i.test(url.hostname) || /\.example$/i.test(url.hostname)) {
    throw new Error(`COHESION_URL_PROD is a placeholder host (${url.hostname}), not where the add-in will be served.\n${HOW}`);
  }
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(url.hostname)) {
    throw new Error(`COHESION_URL_PROD points at this machine (${url.hostname}); the development manifest (manifest.xml) already does that.\n${HOW}`);
  }
  if (url.search || url.hash) throw new Error(`COHESION_URL_PROD must be a plain folder address without ? or #: "${raw}".\n${HOW}`);
  const href = url.href.endsWith("/") ? url.href : `${url.href}/`;
  return href;
}

/** The host the test suite builds production with: reserved for testing (RFC 6761), so never deployable. */
const TEST_PROD_URL = "https://cohesion-toolkit.test/";

module.exports = { resolveProdUrl, PLACEHOLDER, TEST_PROD_URL };

// `node scripts/prod-url.js` (the first step of `npm run build`): check the setting and say what to fix, without a stack.
if (require.main === module) {
  try {
    console.log(`Production host: ${resolveProdUrl(process.env.COHESION_URL_PROD)}`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
