// Answers every scan with no allegation: the control measures the page's side only.
chrome.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
  sendResponse({ allegations: [] });
});
