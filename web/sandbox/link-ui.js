/*
 * Weft Link emulator, inside the Link iframe: rendering. Nothing here talks to the sandbox or
 * to the host page; link.js decides what to show and calls these.
 */
(function (ns) {
  'use strict';

  var el = ns.el;
  var byTestId = ns.byTestId;
  var VIEWS = ['CONSENT', 'SELECT_INSTITUTION', 'CREDENTIAL', 'OAUTH', 'MFA', 'LOADING',
    'SELECT_ACCOUNT', 'CONNECTED', 'ERROR', 'EXIT', 'STANDALONE', 'HOSTED_DONE'];
  var DEFAULT_ACCENT = '#111111';

  var ui = ns.ui = {};

  ui.pane = function (view) {
    return byTestId('pane-' + view);
  };

  /** Shows one pane, hides the others, and records the view on <body data-view>. */
  ui.showPane = function (view) {
    VIEWS.forEach(function (name) {
      var pane = ui.pane(name);
      if (pane) pane.hidden = name !== view;
    });
    if (view) document.body.dataset.view = view;
    else delete document.body.dataset.view;
    var card = document.querySelector('.card');
    if (card) card.setAttribute('aria-busy', view === 'LOADING' ? 'true' : 'false');
    var heading = document.querySelector('[data-role="card-heading"]');
    var title = view && ui.pane(view) ? ui.pane(view).querySelector('.title') : null;
    if (heading) heading.textContent = title ? title.textContent.replace(/\s+/g, ' ').trim() : 'Plaid Link';
  };

  /** Moves focus to the pane's first field, or its primary button. */
  ui.focusPane = function (view) {
    var pane = ui.pane(view);
    if (!pane) return;
    var target = pane.querySelector('input:not([type="checkbox"]), .button.primary:not([hidden]), ' +
      '.button:not([hidden]), input[type="checkbox"]');
    if (target) {
      try { target.focus({ preventScroll: true }); } catch (e) { target.focus(); }
    }
  };

  ui.setMessage = function (testId, text) {
    var node = byTestId(testId);
    if (!node) return;
    node.textContent = text || '';
    node.hidden = !text;
  };

  ui.setBusy = function (button, busy) {
    if (!button) return;
    button.classList.toggle('busy', !!busy);
    button.setAttribute('aria-busy', busy ? 'true' : 'false');
  };

  function validColor(color) {
    return typeof color === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : null;
  }

  function contrastColor(hex) {
    var value = hex.slice(1);
    if (value.length === 3) value = value.replace(/./g, '$&$&');
    var channels = [0, 2, 4].map(function (i) {
      var c = parseInt(value.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    return luminance > 0.4 ? '#111111' : '#ffffff';
  }

  /** The institution's primary colour becomes the accent (buttons, focus rings, checkboxes). */
  ui.setAccent = function (color) {
    var accent = validColor(color) || DEFAULT_ACCENT;
    var root = document.documentElement.style;
    root.setProperty('--accent', accent);
    root.setProperty('--accent-contrast', contrastColor(accent));
  };

  function monogram(name, className) {
    var letter = String(name || '?').trim().charAt(0).toUpperCase() || '?';
    return el('span', { className: 'monogram ' + (className || ''), 'aria-hidden': 'true', text: letter });
  }

  /** The institution's logo as a data: image, or its initial when it has none. */
  ui.logo = function (institution, className) {
    var logo = institution && institution.logo;
    if (typeof logo === 'string' && /^[A-Za-z0-9+/=\s]+$/.test(logo) && logo.length > 0) {
      return el('img', {
        className: 'logo ' + (className || ''),
        src: 'data:image/png;base64,' + logo.replace(/\s+/g, ''),
        alt: '',
        width: 40,
        height: 40,
        draggable: 'false'
      });
    }
    return monogram(institution && institution.name, 'logo ' + (className || ''));
  };

  function hostOf(url) {
    try { return new URL(url).host.replace(/^www\./, ''); } catch (e) { return ''; }
  }

  /** Fills the logo + name strip at the top of the institution panes. */
  ui.setInstitution = function (institution) {
    ns.byRole('institution-header').forEach(function (node) {
      node.textContent = '';
      if (!institution) return;
      node.appendChild(ui.logo(institution, 'large'));
      node.appendChild(el('span', { className: 'institution-header-name', text: institution.name }));
    });
    ns.setRoleText('institution-name', institution ? institution.name : '');
    ui.setAccent(institution && institution.primary_color);
    var brand = ns.byRole('header-brand')[0];
    if (brand) {
      brand.textContent = '';
      if (institution) brand.appendChild(ui.logo(institution, 'small'));
    }
  };

  ui.setClientName = function (name) {
    var clientName = name || 'This app';
    ns.setRoleText('client-name', clientName);
    ns.byRole('client-monogram').forEach(function (node) {
      node.textContent = clientName.trim().charAt(0).toUpperCase() || '?';
    });
  };

  /**
   * Renders the institutions whose name contains the query; onSelect(institution) on a click.
   * Returns how many are shown.
   */
  ui.renderInstitutions = function (institutions, query, onSelect) {
    var list = ns.byRole('institution-list')[0];
    var needle = String(query || '').trim().toLowerCase();
    var shown = (institutions || []).filter(function (institution) {
      return !needle || String(institution.name).toLowerCase().indexOf(needle) !== -1;
    });
    list.textContent = '';
    shown.forEach(function (institution) {
      var button = el('button', {
        type: 'button',
        className: 'institution',
        'data-testid': 'institution-' + institution.institution_id,
        'data-institution-id': institution.institution_id
      }, [
        ui.logo(institution),
        el('span', { className: 'institution-text' }, [
          el('span', { className: 'institution-name', text: institution.name }),
          el('span', { className: 'institution-url', text: hostOf(institution.url) })
        ]),
        institution.oauth ? el('span', { className: 'tag', text: 'OAuth' }) : null,
        el('span', { className: 'icon icon-chevron', 'aria-hidden': 'true' })
      ]);
      button.addEventListener('click', function () { onSelect(institution); });
      list.appendChild(el('li', {}, [button]));
    });
    var empty = byTestId('search-empty');
    empty.textContent = shown.length ? '' : 'No results for "' + String(query).trim() +
      '". Check the spelling, or try another bank.';
    empty.hidden = shown.length > 0;
    return shown.length;
  };

  function money(amount, currency) {
    if (typeof amount !== 'number') return '';
    try {
      return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency || 'USD' }).format(amount);
    } catch (e) {
      return amount.toFixed(2) + ' ' + (currency || '');
    }
  }

  var ACRONYMS = { cd: 'CD', ira: 'IRA', hsa: 'HSA', '401k': '401k', '529': '529', loc: 'LOC' };

  function titleCase(text) {
    var value = String(text || '');
    return ACRONYMS[value] || value.replace(/\b[a-z]/g, function (c) { return c.toUpperCase(); });
  }

  /** Renders one checkbox per account, all checked. */
  ui.renderAccounts = function (accounts) {
    var list = ns.byRole('account-list')[0];
    list.textContent = '';
    (accounts || []).forEach(function (account) {
      var balances = account.balances || {};
      var balance = typeof balances.available === 'number' ? balances.available : balances.current;
      var currency = balances.iso_currency_code || balances.unofficial_currency_code || 'USD';
      var detail = [account.new ? 'New' : '', titleCase(account.subtype || account.type),
        account.mask ? '•••• ' + account.mask : ''].filter(Boolean).join(' · ');
      var checkbox = el('input', {
        type: 'checkbox',
        name: 'account',
        value: account.id,
        'data-testid': 'account-' + account.id,
        'data-account-id': account.id
      });
      // A new Item offers every account checked; update mode with account selection checks
      // the accounts the Item shares now and leaves the rest (new ones first) to the user.
      checkbox.checked = account.shared !== false;
      list.appendChild(el('label', { className: 'account' }, [
        checkbox,
        el('span', { className: 'account-text' }, [
          el('span', { className: 'account-name', text: account.name }),
          el('span', { className: 'account-detail', text: detail })
        ]),
        el('span', { className: 'account-balance', text: money(balance, currency) })
      ]));
    });
  };

  /** Update mode with account selection says that the choice replaces the earlier one. */
  ui.setAccountsHeading = function (updateMode) {
    ns.setRoleText('accounts-title', updateMode ? 'Choose accounts to share' : 'Select account(s)');
    ns.byRole('accounts-update-note')[0].hidden = !updateMode;
  };

  /** The ids of the checked account boxes, read from the DOM at the time of the call. */
  ui.checkedAccountIds = function () {
    var boxes = document.querySelectorAll('[data-role="account-list"] input[type="checkbox"]');
    return Array.prototype.filter.call(boxes, function (box) { return box.checked; })
      .map(function (box) { return box.getAttribute('data-account-id'); });
  };

  var ERROR_TITLES = {
    INVALID_LINK_TOKEN: 'This session has expired',
    ITEM_LOCKED: 'Your account is locked',
    USER_SETUP_REQUIRED: 'Your account needs attention',
    NO_ACCOUNTS: 'No compatible accounts',
    ITEM_NOT_SUPPORTED: 'Account not supported',
    INSTITUTION_DOWN: 'Bank is unavailable',
    INSTITUTION_NOT_RESPONDING: 'Bank is not responding',
    INSTITUTION_NOT_AVAILABLE: 'Bank is unavailable',
    INSTITUTION_NO_LONGER_SUPPORTED: 'Bank is not supported',
    RATE_LIMIT: 'Too many attempts'
  };

  /** Fills the error pane; tryAnother shows the "Try another institution" button. */
  ui.renderError = function (error, tryAnother) {
    var title = ERROR_TITLES[error.error_code] || 'Something went wrong';
    ns.byRole('error-title').forEach(function (node) { node.textContent = title; });
    byTestId('error-message').textContent = error.display_message || error.error_message ||
      'An unexpected error occurred.';
    byTestId('error-code').textContent = error.error_code;
    byTestId('error-try-another').hidden = !tryAnother;
    byTestId('error-exit').className = 'button ' + (tryAnother ? 'secondary' : 'primary');
  };

  ui.setLoadingText = function (text) {
    ns.setRoleText('loading-text', text);
  };
})(window.WeftLink = window.WeftLink || {});
