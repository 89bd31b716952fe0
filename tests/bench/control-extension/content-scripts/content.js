// The least a content script like Counterpoint's can do on a page: listen for messages, read one
// setting, read the article's text (no skipping, no offsets), send it to the background in one
// message and mark the page as scanned. The page benchmark measures it as it measures Counterpoint.
(async () => {
  chrome.runtime.onMessage.addListener(() => undefined);
  await chrome.storage.local.get('disabledSites');
  const parts = [];
  const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) parts.push(node.data);
  await chrome.runtime.sendMessage({ type: 'scan', text: parts.join('') });
  document.documentElement.dataset.counterpointAllegations = '0';
})();
