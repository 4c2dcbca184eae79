/*
 * Weft Link emulator, inside the Link iframe: the session state, the events and callbacks sent
 * to the host page, the views, and how a session opens and ends. The steps of the flow are in
 * link-steps.js, the wiring in link.js. Protocol: README.md.
 */
(function (ns) {
  'use strict';

  var ui = ns.ui;
  var byTestId = ns.byTestId;
  var SEARCH_DEBOUNCE_MS = 400;
  var STATUS_BY_VIEW = {
    CONSENT: 'requires_credentials',
    SELECT_INSTITUTION: 'requires_credentials',
    CREDENTIAL: 'requires_credentials',
    OAUTH: 'requires_oauth',
    MFA: 'requires_code',
    SELECT_ACCOUNT: 'requires_account_selection'
  };

  var params = ns.fragmentParams(location.hash);
  var spare = params.spare === '1';
  var S = ns.state = {
    hosted: window.parent === window ? params.hosted || '' : '', // a Hosted Link page's id
    spare: spare,         // started without a handler: token and handler id come with 'configure'
    token: spare ? '' : params.token || '',
    handlerId: spare ? '' : params.handler_id || '',
    receivedRedirectUri: spare ? '' : params.received_redirect_uri || '', // OAuth's way back
    hostOrigin: params.origin || '',
    targetOrigin: null,   // where messages to the host page go; null: not embedded properly
    boot: null,           // the start made when the frame loaded: {data} or {error}
    bootUsed: false,
    epoch: 0,             // bumped at each open and finish: stale async results are dropped
    active: false,        // between 'open' and the one 'success' / 'exit'
    session: null,        // the start answer of this session
    sessionId: null,
    view: null,
    institution: null,    // the selected institution (summary from start or login)
    searchQuery: '',
    searchEmpty: false,
    lastSearchSent: '',
    credentials: null,
    accounts: [],
    result: null,         // the complete answer, once the Item exists
    busy: null,           // 'start' | 'login' | 'complete' while a request is in flight
    loadingStatus: 'requires_credentials',
    lastError: null,      // the last unresolved error the user met: onExit's error
    paneError: null,      // the error shown in the ERROR pane
    errorStatus: null,
    exitReturn: null,     // the view behind the exit confirmation
    exitRequested: false, // exit confirmed while the Item was being created
    lastRequestId: null,
    openAt: ''            // the institution open() named: "Select your bank" is skipped
  };

  // ---- talking to the host page ------------------------------------------------------------

  function postToHost(type, payload) {
    if (!S.targetOrigin) return;
    window.parent.postMessage({ protocol: ns.PROTOCOL, handlerId: S.handlerId, type: type,
      payload: payload || {} }, S.targetOrigin);
  }

  /** What names the session to the sandbox: the link token, or a Hosted Link page's id. */
  function tokenFields() {
    return S.hosted ? { hosted_link_id: S.hosted } : { link_token: S.token };
  }

  /** Tells the sandbox how the session ended, for /link/token/get (answer not awaited). */
  function reportExit(payload) {
    ns.post(ns.ROUTES.exit, Object.assign(tokenFields(), {
      link_session_id: payload.metadata.link_session_id,
      error: payload.error,
      metadata: payload.metadata
    })).catch(function (failure) {
      if (window.console) console.warn('[Plaid Link emulator] exit not recorded:', failure.message);
    });
  }

  /**
   * A Hosted Link session ended: there is no page to hand the result to (the sandbox has it for
   * /link/token/get), so say so, and go to completion_redirect_uri when the token names one.
   */
  function hostedDone(linked) {
    var client = (S.session && S.session.client_name) || 'the app';
    ns.setRoleText('hosted-done-title', linked ? 'You are all set' : 'Link is closed');
    ns.setRoleText('hosted-done-text', linked
      ? 'Your account is connected. You can close this page and go back to ' + client + '.'
      : 'No account was connected. You can close this page and go back to ' + client + '.');
    var redirect = S.session && S.session.completion_redirect_uri;
    S.view = 'HOSTED_DONE';
    byTestId('close').hidden = true; // nothing is left to close
    ui.showPane('HOSTED_DONE');
    ui.focusPane('HOSTED_DONE');
    if (redirect) {
      try { location.assign(redirect); } catch (e) { /* the page says what to do */ }
    }
  }

  function institutionRef() {
    return S.institution ? { name: S.institution.name, institution_id: S.institution.institution_id } : null;
  }

  /** The view on screen, as Plaid names it (LOADING while none of Link's own views shows). */
  function viewName() {
    return S.view && S.view !== 'HOSTED_DONE' && S.view !== 'STANDALONE' ? S.view : 'LOADING';
  }

  function emit(eventName, extra) {
    var metadata = {
      account_number_mask: null,
      error_code: null,
      error_message: null,
      error_type: null,
      exit_status: null,
      institution_id: S.institution ? S.institution.institution_id : null,
      institution_name: S.institution ? S.institution.name : null,
      institution_search_query: null,
      is_update_mode: S.session && S.session.update_mode ? 'yes' : 'no',
      link_session_id: S.sessionId,
      match_reason: null,
      mfa_type: null,
      request_id: S.lastRequestId,
      routing_number: null,
      selection: null,
      timestamp: new Date().toISOString(),
      view_name: viewName()
    };
    Object.keys(extra || {}).forEach(function (key) { metadata[key] = extra[key]; });
    postToHost('event', { eventName: eventName, metadata: metadata });
  }

  function errorFields(error) {
    return error ? { error_type: error.error_type, error_code: error.error_code,
      error_message: error.error_message } : {};
  }

  function track(answer) {
    if (answer && typeof answer.request_id === 'string') S.lastRequestId = answer.request_id;
    return answer;
  }

  function call(route, body) {
    var epoch = S.epoch;
    return ns.post(route, body).then(function (answer) {
      if (epoch !== S.epoch) throw new Stale();
      return track(answer);
    }, function (failure) {
      if (epoch !== S.epoch) throw new Stale();
      if (failure && failure.plaid) track(failure.plaid);
      throw failure;
    });
  }

  function Stale() {}

  function ignoreStale(failure) {
    if (!(failure instanceof Stale)) throw failure;
  }

  // ---- views ---------------------------------------------------------------------------------

  /** Shows a view and reports TRANSITION_VIEW. Behind the exit confirmation it only queues. */
  function go(view, extra) {
    if (S.view === 'EXIT' && view !== 'EXIT') {
      S.exitReturn = { view: view, extra: extra };
      return;
    }
    if (view === 'LOADING') S.loadingStatus = statusOf(S.view);
    show(view);
    emit('TRANSITION_VIEW', Object.assign({ view_name: view }, extra || {}));
  }

  /** Shows a view without an event (the loading pane while a re-opened session starts). */
  function show(view) {
    if (view === 'SELECT_INSTITUTION') renderInstitutions();
    S.view = view;
    ui.showPane(view);
    ui.focusPane(view);
    byTestId('back').hidden = !((view === 'CREDENTIAL' || view === 'OAUTH') &&
      S.session && !S.session.update_mode);
  }

  function statusOf(view) {
    if (view === 'SELECT_INSTITUTION' && S.searchEmpty) return 'institution_not_found';
    if (view === 'LOADING') return S.loadingStatus;
    if (view === 'ERROR') return S.errorStatus || S.loadingStatus;
    if (view === 'EXIT') return statusOf(S.exitReturn ? S.exitReturn.view : null);
    return STATUS_BY_VIEW[view] || 'requires_credentials';
  }

  /** SEARCH_INSTITUTION, debounced; flushed before SELECT_INSTITUTION. */
  var search = ns.debounce(function () {
    var query = S.searchQuery.trim();
    if (!S.active || !query || query === S.lastSearchSent) return;
    S.lastSearchSent = query;
    emit('SEARCH_INSTITUTION', { institution_search_query: query });
  }, SEARCH_DEBOUNCE_MS);

  function renderInstitutions() {
    var list = (S.session && S.session.institutions) || [];
    var shown = ui.renderInstitutions(list, S.searchQuery, function (institution) {
      ns.steps.selectInstitution(institution);
    });
    S.searchEmpty = S.searchQuery.trim() !== '' && shown === 0;
  }

  // ---- session lifecycle ---------------------------------------------------------------------

  function startSession() {
    // The first session was already started by link-boot.js while this frame loaded.
    var boot = window.WeftLinkBoot;
    window.WeftLinkBoot = null;
    var started = boot && boot.token === S.token ? boot.response : null;
    if (S.hosted) started = boot && boot.hosted === S.hosted ? boot.response : null;
    return ns.post(ns.ROUTES.start, tokenFields(), started).then(function (data) {
      return { data: track(data) };
    }, function (failure) {
      return { error: track(ns.plaidErrorOf(failure)) };
    });
  }

  function resetSession() {
    ns.oauth.close();
    search.cancel();
    S.session = null;
    S.sessionId = null;
    S.institution = null;
    S.searchQuery = '';
    S.searchEmpty = false;
    S.lastSearchSent = '';
    S.credentials = null;
    S.accounts = [];
    S.result = null;
    S.busy = null;
    S.loadingStatus = 'requires_credentials';
    S.lastError = null;
    S.paneError = null;
    S.errorStatus = null;
    S.exitReturn = null;
    S.exitRequested = false;
    ['username', 'password', 'mfa-code', 'search-input'].forEach(function (id) { byTestId(id).value = ''; });
    ['credentials-error', 'mfa-error', 'accounts-error', 'oauth-error']
      .forEach(function (id) { ui.setMessage(id, ''); });
    byTestId('oauth-waiting').hidden = true;
    ui.setInstitution(null);
    ui.renderAccounts([]);
  }

  /**
   * open(institution_id): the session skips "Select your bank" for that institution (Plaid's
   * open() argument; Embedded Link opens Link so). An id not offered is ignored.
   */
  function onOpen(institutionId) {
    if (S.active) return;
    S.epoch++;
    resetSession();
    S.active = true;
    S.openAt = typeof institutionId === 'string' ? institutionId : '';
    var boot = S.boot;
    var fresh = boot && boot.data && !S.bootUsed && !expired(boot.data);
    S.bootUsed = true;
    if (fresh) {
      begin(boot);
      return;
    }
    var epoch = S.epoch;
    ui.setLoadingText('Loading…');
    show('LOADING');
    S.busy = 'start';
    startSession().then(function (outcome) {
      if (epoch !== S.epoch) return;
      S.busy = null;
      begin(outcome);
    });
  }

  function expired(data) {
    var expiry = Date.parse(data.expiration);
    return !isNaN(expiry) && expiry <= Date.now();
  }

  /** The oauth_state_id in a receivedRedirectUri, or ''. */
  function oauthStateOf(uri) {
    try {
      return new URL(uri).searchParams.get('oauth_state_id') || '';
    } catch (e) {
      return '';
    }
  }

  /**
   * Opened with receivedRedirectUri: the bank sent the user back after OAuth by redirect. The
   * session goes on where it was (same link_session_id), at the bank's answer.
   */
  function resume(stateId) {
    var epoch = S.epoch;
    ui.setLoadingText('Connecting…');
    show('LOADING');
    S.busy = 'start';
    call(ns.ROUTES.oauthResume, Object.assign(tokenFields(), { oauth_state_id: stateId }))
      .then(function (answer) {
        S.busy = null;
        S.sessionId = answer.link_session_id || S.sessionId;
        S.institution = answer.institution || null;
        ui.setInstitution(S.institution);
        emit('OPEN');
        if (answer.authorized && S.institution) ns.steps.oauthAuthorized();
        else if (S.session.update_mode) go('OAUTH');
        else { S.institution = null; ui.setInstitution(null); go('SELECT_INSTITUTION'); }
      }).catch(ignoreStale).catch(function (failure) {
        if (epoch !== S.epoch) return;
        S.busy = null;
        emit('OPEN', { view_name: 'ERROR' });
        fail(ns.plaidErrorOf(failure));
      });
  }

  function begin(outcome) {
    var stateId = oauthStateOf(S.receivedRedirectUri);
    S.receivedRedirectUri = ''; // once: a later open() starts a new session
    if (outcome.data && stateId) {
      S.session = outcome.data;
      S.sessionId = ns.uuid();
      ui.setClientName(outcome.data.client_name);
      resume(stateId);
    } else if (outcome.data) {
      S.session = outcome.data;
      S.sessionId = outcome.data.link_session_id || ns.uuid();
      ui.setClientName(outcome.data.client_name);
      emit('OPEN', { view_name: 'CONSENT' });
      go('CONSENT');
    } else {
      S.sessionId = ns.uuid(); // no session without a usable token: a local id for the events
      ui.setClientName('');
      emit('OPEN', { view_name: 'ERROR' });
      fail(outcome.error);
    }
  }

  /** onSuccess's metadata.accounts entry: the documented fields, in the documented order. */
  function accountRef(account) {
    return {
      id: account.id,
      name: account.name,
      mask: account.mask === undefined ? null : account.mask,
      type: account.type,
      subtype: account.subtype === undefined ? null : account.subtype,
      verification_status: account.verification_status === undefined ? null : account.verification_status,
      class_type: account.class_type === undefined ? null : account.class_type
    };
  }

  /** Ends the session with onSuccess. */
  function handoff() {
    if (!S.active || !S.result) return;
    var result = S.result;
    var institution = result.institution || institutionRef();
    emit('HANDOFF');
    if (S.hosted) {
      finish();
      hostedDone(true); // the sandbox recorded the session's result when it made the Item
      return;
    }
    postToHost('success', {
      public_token: result.public_token,
      metadata: {
        institution: institution ? { name: institution.name, institution_id: institution.institution_id } : null,
        accounts: (result.accounts || []).map(accountRef),
        link_session_id: result.link_session_id || S.sessionId,
        transfer_status: null,
        wallet: null,
        public_token: result.public_token
      }
    });
    finish();
  }

  /** Ends the session with onExit(last error, metadata). */
  function exitNow() {
    if (!S.active) return;
    var view = S.view === 'EXIT' && S.exitReturn ? S.exitReturn.view : S.view;
    var status = statusOf(view);
    var error = view === 'ERROR' && S.paneError ? S.paneError : S.lastError;
    emit('EXIT', Object.assign({ exit_status: status }, errorFields(error)));
    var payload = {
      error: ns.publicError(error),
      metadata: {
        institution: institutionRef(),
        status: status,
        link_session_id: S.sessionId,
        request_id: S.lastRequestId
      }
    };
    reportExit(payload);
    if (S.hosted) {
      finish();
      hostedDone(false);
      return;
    }
    postToHost('exit', payload);
    finish();
  }

  function finish() {
    S.active = false;
    S.epoch++;
    ns.oauth.close();
    search.cancel();
    ['username', 'password', 'mfa-code'].forEach(function (id) { byTestId(id).value = ''; });
    S.credentials = null;
    S.view = null;
    ui.showPane(null);
  }

  /** The user (X, Esc) or the host (exit()) asked to leave. */
  function requestExit(force) {
    if (!S.active) return;
    if (S.result) { handoff(); return; } // the Item exists: hand it over rather than lose it
    if (!force) {
      if (S.view === 'EXIT' || S.exitRequested) return;
      S.exitReturn = { view: S.view, extra: null };
      go('EXIT');
      return;
    }
    if (S.busy === 'complete') {
      // The Item is being created: wait for it, then onSuccess (or onExit if that failed).
      S.exitRequested = true;
      S.exitReturn = null;
      ui.setLoadingText('Finishing…');
      show('LOADING');
      return;
    }
    exitNow();
  }

  function cancelExit() {
    if (S.view !== 'EXIT' || !S.exitReturn) return;
    var back = S.exitReturn;
    S.exitReturn = null;
    S.view = back.view; // leave EXIT so go() shows the view instead of queueing it
    if (back.view === 'LOADING' && S.busy === 'start') { show('LOADING'); return; }
    go(back.view, back.extra || (back.view === 'MFA' ? { mfa_type: 'code' } : null));
  }

  // ---- errors --------------------------------------------------------------------------------

  /** Reports ERROR, then shows the error pane (TRANSITION_VIEW(ERROR)). */
  function fail(error) {
    S.lastError = error;
    S.paneError = error;
    S.errorStatus = error.error_type === 'INSTITUTION_ERROR' ? 'institution_not_supported' : statusOf(S.view);
    emit('ERROR', errorFields(error));
    var tryAnother = error.error_type === 'INSTITUTION_ERROR' && !!S.session && !S.session.update_mode;
    ui.renderError(error, tryAnother);
    go('ERROR');
  }

  ns.flow = {
    state: S,
    tokenFields: tokenFields,
    emit: emit,
    errorFields: errorFields,
    call: call,
    ignoreStale: ignoreStale,
    go: go,
    show: show,
    statusOf: statusOf,
    search: search,
    renderInstitutions: renderInstitutions,
    startSession: startSession,
    onOpen: onOpen,
    handoff: handoff,
    exitNow: exitNow,
    requestExit: requestExit,
    cancelExit: cancelExit,
    fail: fail,
    postToHost: postToHost
  };
})(window.WeftLink = window.WeftLink || {});
