// Opens Web Chat against this host's Direct Line endpoint (or Azure Direct Line when the host is configured with a secret).
(async function () {
  'use strict';

  const errorBox = document.getElementById('faqbot-error');
  const showError = (message) => {
    errorBox.textContent = message;
    errorBox.hidden = false;
  };

  if (!window.WebChat) {
    showError('The Web Chat script (lib/webchat/webchat.js) is missing. Build the host with npm on the PATH, '
      + 'or run "npm pack botframework-webchat@4.18.1" and copy package/dist/webchat.js to src/FaqBot.Web/wwwroot/lib/webchat/.');
    return;
  }

  let session;
  try {
    const response = await fetch('api/directline/token', { method: 'POST' });
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    session = await response.json();
  } catch (error) {
    showError('Could not start a chat (' + error.message + '). Is the FaqBot host running?');
    return;
  }

  const directLine = window.WebChat.createDirectLine({
    token: session.token,
    // Our own endpoint needs an absolute base without a trailing slash; null means Azure Direct Line.
    domain: session.domain ? new URL(session.domain, window.location.href).href.replace(/\/$/, '') : undefined,
    webSocket: true
  });

  // Direct Line tells the bot a user joined only when the user first sends something: send a join event on connect,
  // so the welcome message appears before the user types.
  const store = window.WebChat.createStore({}, ({ dispatch }) => (next) => (action) => {
    if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
      dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { locale: navigator.language } } });
    }
    return next(action);
  });

  const styleOptions = {
    accent: '#0f766e',
    backgroundColor: '#f7faf9',
    botAvatarInitials: 'FB',
    botAvatarBackgroundColor: '#0f766e',
    userAvatarInitials: 'You',
    userAvatarBackgroundColor: '#64748b',
    bubbleBackground: '#ffffff',
    bubbleBorderColor: '#d5e3e0',
    bubbleBorderRadius: 12,
    bubbleFromUserBackground: '#0f766e',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderColor: '#0f766e',
    bubbleFromUserBorderRadius: 12,
    bubbleMaxWidth: 560,
    hideUploadButton: true,
    sendBoxButtonColor: '#0f766e',
    sendBoxTextWrap: true,
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#0f766e',
    suggestedActionBorderRadius: 16,
    suggestedActionTextColor: '#0f766e',
    suggestedActionHeight: 36
  };

  window.WebChat.renderWebChat(
    { directLine, store, styleOptions, userID: session.userId, username: 'You', locale: 'en-US' },
    document.getElementById('webchat')
  );

  document.querySelector('#webchat input, #webchat textarea')?.focus();
})();
