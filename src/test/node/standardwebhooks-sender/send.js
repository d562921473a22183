// Signs one delivery with the Standard Webhooks reference library and POSTs it with Node's own fetch.
//   node send.js URL SECRET WEBHOOK_ID SIGNED_BODY [SENT_BODY]
// SENT_BODY (default: SIGNED_BODY) lets a test send something other than what was signed. Prints
// {"status": <HTTP status>, "body": "<answer>"} on one line.
const { Webhook } = require("standardwebhooks");

async function main() {
  const [url, secret, id, signedBody, sentBody = signedBody] = process.argv.slice(2);
  const timestamp = new Date();
  const signature = new Webhook(secret).sign(id, timestamp, signedBody);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": Math.floor(timestamp.getTime() / 1000).toString(),
      "webhook-signature": signature,
    },
    body: sentBody,
  });
  console.log(JSON.stringify({ status: response.status, body: await response.text() }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
