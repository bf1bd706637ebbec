export default function Home() {
  return (
    <main style={{ maxWidth: 640, margin: '64px auto', padding: '0 20px', lineHeight: 1.6 }}>
      <h1>Parley</h1>
      <p>
        Parley books interviews with candidates: start a conversation through the API, and the
        candidate gets a booking link; the meeting lands in everyone&apos;s calendar and your
        systems hear about it through signed webhooks.
      </p>
      <ul>
        <li>
          <a href="/dashboard">Sign in to the dashboard</a>
        </li>
        <li>
          API reference: <a href="/v1/openapi.json">/v1/openapi.json</a>
        </li>
      </ul>
    </main>
  );
}
