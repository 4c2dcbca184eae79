/*
 * Weft Link emulator, inside the Link iframe: the steps of the flow, from consent to the
 * created Item: institution search and choice, credentials, MFA, the OAuth popup's outcome,
 * account selection. Each step checks that it still applies (a test may click anything).
 */
(function (ns) {
  'use strict';

  var ui = ns.ui;
  var byTestId = ns.byTestId;
  var F = ns.flow;
  var S = F.state;
  var emit = F.emit;
  var errorFields = F.errorFields;
  var go = F.go;
  var fail = F.fail;
  var ignoreStale = F.ignoreStale;

  function consentContinue() {
    if (!S.active || S.view !== 'CONSENT' || !S.session) return;
    if (S.session.update_mode && S.session.institution) {
      S.institution = S.session.institution;
      ui.setInstitution(S.institution);
      go(S.institution.oauth ? 'OAUTH' : 'CREDENTIAL');
      return;
    }
    var named = (S.session.institutions || []).filter(function (institution) {
      return institution.institution_id === S.openAt;
    })[0];
    if (named) choose(named);
    else go('SELECT_INSTITUTION');
  }

  function onSearchInput() {
    if (!S.active || S.view !== 'SELECT_INSTITUTION') return;
    S.searchQuery = byTestId('search-input').value;
    F.renderInstitutions();
    F.search();
  }

  function selectInstitution(institution) {
    if (!S.active || S.view !== 'SELECT_INSTITUTION') return;
    F.search.flush();
    choose(institution);
  }

  /** The user's bank: picked from the list, or named by open(institution_id). */
  function choose(institution) {
    S.lastError = null; // an error at another bank is not this one's
    S.institution = institution;
    ui.setInstitution(institution);
    ui.setMessage('credentials-error', '');
    ui.setMessage('oauth-error', '');
    byTestId('oauth-waiting').hidden = true;
    emit('SELECT_INSTITUTION');
    go(institution.oauth ? 'OAUTH' : 'CREDENTIAL');
  }

  function back() {
    if (!S.active || !S.session || S.session.update_mode || S.busy) return;
    if (S.view !== 'CREDENTIAL' && S.view !== 'OAUTH') return;
    ns.oauth.close();
    S.institution = null;
    ui.setInstitution(null);
    go('SELECT_INSTITUTION');
  }

  function submitCredentials() {
    if (!S.active || S.view !== 'CREDENTIAL' || S.busy) return;
    var username = byTestId('username').value.trim();
    var password = byTestId('password').value;
    if (!username || !password) {
      ui.setMessage('credentials-error', 'Enter your username and password.');
      (username ? byTestId('password') : byTestId('username')).focus();
      return;
    }
    ui.setMessage('credentials-error', '');
    S.credentials = { username: username, password: password };
    emit('SUBMIT_CREDENTIALS');
    ui.setLoadingText('Connecting to ' + S.institution.name + '…');
    go('LOADING');
    login(null);
  }

  function submitMfa() {
    if (!S.active || S.view !== 'MFA' || S.busy) return;
    var code = byTestId('mfa-code').value.trim();
    if (!code) {
      ui.setMessage('mfa-error', 'Enter the code sent to your device.');
      byTestId('mfa-code').focus();
      return;
    }
    ui.setMessage('mfa-error', '');
    emit('SUBMIT_MFA', { mfa_type: 'code' });
    ui.setLoadingText('Verifying…');
    go('LOADING');
    login(code);
  }

  function login(mfaCode) {
    var body = Object.assign(F.tokenFields(), {
      link_session_id: S.sessionId,
      institution_id: S.institution.institution_id,
      username: S.credentials.username,
      password: S.credentials.password
    });
    if (mfaCode) body.mfa_code = mfaCode;
    S.busy = 'login';
    F.call(ns.ROUTES.login, body).then(function (answer) {
      S.busy = null;
      S.lastError = null; // the credentials (or the code) were right: earlier errors are resolved
      if (answer.mfa_required) {
        byTestId('mfa-code').value = '';
        go('MFA', { mfa_type: 'code' });
        return;
      }
      if (answer.institution) {
        S.institution = Object.assign({}, S.institution, answer.institution);
        ui.setInstitution(S.institution);
      }
      S.accounts = Array.isArray(answer.accounts) ? answer.accounts : [];
      if (S.session.update_mode && !S.session.account_selection) {
        complete(S.accounts.map(function (account) { return account.id; }));
        return;
      }
      ui.renderAccounts(S.accounts);
      ui.setAccountsHeading(!!S.session.update_mode);
      ui.setMessage('accounts-error', '');
      go('SELECT_ACCOUNT');
    }).catch(ignoreStale).catch(function (failure) {
      S.busy = null;
      var error = ns.plaidErrorOf(failure);
      var code = error.error_code;
      if (code === 'INVALID_CREDENTIALS' && S.credentials && !S.institution.oauth && !mfaCode) {
        S.lastError = error;
        emit('ERROR', errorFields(error));
        byTestId('password').value = '';
        ui.setMessage('credentials-error', error.display_message || error.error_message);
        go('CREDENTIAL');
        if (S.view === 'CREDENTIAL') byTestId('password').focus();
      } else if (code === 'INVALID_MFA' && mfaCode) {
        S.lastError = error;
        emit('ERROR', errorFields(error));
        byTestId('mfa-code').value = '';
        ui.setMessage('mfa-error', error.display_message || error.error_message);
        go('MFA', { mfa_type: 'code' });
      } else {
        fail(error);
      }
    });
  }

  function submitAccounts() {
    if (!S.active || S.view !== 'SELECT_ACCOUNT' || S.busy) return;
    var ids = ui.checkedAccountIds();
    if (!ids.length) {
      ui.setMessage('accounts-error', 'Select at least one account.');
      return;
    }
    ui.setMessage('accounts-error', '');
    complete(ids);
  }

  function complete(accountIds) {
    S.busy = 'complete';
    ui.setBusy(byTestId('accounts-continue'), true);
    F.call(ns.ROUTES.complete, Object.assign(F.tokenFields(), {
      link_session_id: S.sessionId,
      account_ids: accountIds
    })).then(function (answer) {
      S.busy = null;
      ui.setBusy(byTestId('accounts-continue'), false);
      S.result = answer;
      if (S.exitRequested) { F.handoff(); return; }
      ns.setRoleText('connected-text', 'Your ' + (S.institution ? S.institution.name + ' ' : '') +
        'account has been successfully linked to ' + ((S.session && S.session.client_name) || 'the app') + '.');
      go('CONNECTED');
    }).catch(ignoreStale).catch(function (failure) {
      S.busy = null;
      ui.setBusy(byTestId('accounts-continue'), false);
      var error = ns.plaidErrorOf(failure);
      if (S.exitRequested) {
        S.lastError = error;
        F.exitNow();
        return;
      }
      fail(error);
    });
  }

  function tryAnother() {
    if (!S.active || S.view !== 'ERROR' || !S.session || S.session.update_mode) return;
    S.institution = null;
    ui.setInstitution(null);
    go('SELECT_INSTITUTION');
  }

  // ---- OAuth (the popup is run by link-oauth.js) ---------------------------------------------

  ns.steps = {
    consentContinue: consentContinue,
    onSearchInput: onSearchInput,
    selectInstitution: selectInstitution,
    back: back,
    submitCredentials: submitCredentials,
    submitMfa: submitMfa,
    submitAccounts: submitAccounts,
    tryAnother: tryAnother,
    isOAuthView: function () { return S.active && S.view === 'OAUTH' && !S.busy; },
    institution: function () { return S.institution; },
    clientName: function () { return S.session ? S.session.client_name : ''; },
    emit: emit,
    /** The popup said yes: sign in with the sandbox's good credentials. */
    oauthAuthorized: function () {
      if (!S.active) return;
      emit('CLOSE_OAUTH');
      S.credentials = { username: 'user_good', password: 'pass_good' };
      ui.setLoadingText('Connecting to ' + S.institution.name + '…');
      if (S.view === 'EXIT') {
        S.loadingStatus = 'requires_oauth';
        S.exitReturn = { view: 'LOADING', extra: null };
      } else {
        go('LOADING');
      }
      login(null);
    },
    /** The popup was cancelled or closed: back to the institution list. */
    oauthAbandoned: function () {
      if (!S.active) return;
      emit('CLOSE_OAUTH');
      if (S.session && S.session.update_mode) {
        if (S.view === 'OAUTH') ui.focusPane('OAUTH');
        return;
      }
      S.institution = null;
      ui.setInstitution(null);
      go('SELECT_INSTITUTION');
    }
  };
})(window.WeftLink = window.WeftLink || {});
