// A web app as its developers write one with react-plaid-link 5 and React 18: the page the
// browser conformance run (../browser-flow.mjs) drives. ?mode=hook uses usePlaidLink and a
// button; ?mode=embedded draws PlaidEmbeddedLink. Every callback is recorded in window.record
// for the driver to read and check against the types.
import React, { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { PlaidEmbeddedLink, usePlaidLink } from 'react-plaid-link';

const params = new URLSearchParams(location.search);
const token = params.get('token');
window.record = { loads: 0, successes: [], exits: [], events: [] };

const callbacks = {
  onLoad: () => { window.record.loads++; },
  onSuccess: (publicToken, metadata) => { window.record.successes.push([publicToken, metadata]); },
  onExit: (error, metadata) => { window.record.exits.push([error, metadata]); },
  onEvent: (eventName, metadata) => { window.record.events.push([eventName, metadata]); },
};

function HookApp() {
  const { open, ready, error } = usePlaidLink({ token, ...callbacks });
  const [opened, setOpened] = useState(0);
  return (
    <main>
      <p data-testid="ready">{ready ? 'ready' : 'not ready'}</p>
      <p data-testid="script-error">{error ? String(error.type || error) : ''}</p>
      <button type="button" data-testid="connect" disabled={!ready}
              onClick={() => { setOpened(opened + 1); open(); }}>
        Connect a bank account
      </button>
    </main>
  );
}

function EmbeddedApp() {
  const config = React.useMemo(() => ({ token, ...callbacks }), []);
  return (
    <main>
      <h1>Connect</h1>
      <PlaidEmbeddedLink {...config} style={{ height: '420px', width: '360px' }}
                         className="embedded-link" />
    </main>
  );
}

const mode = params.get('mode');
createRoot(document.getElementById('root')).render(mode === 'embedded' ? <EmbeddedApp /> : <HookApp />);
