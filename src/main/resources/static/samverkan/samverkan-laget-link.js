// Samverkan: "Läget" (/samverkan/laget, se.samverkan.overview) in the header of Tasklist and of the start
// page (each app's scripts/config.js loads this file as a custom script). The link goes first in the
// header's menu once someone is logged in (the account menu is there); Läget itself answers with what
// the person's functions allow.
const HREF = '/samverkan/laget';

function addLink() {
  const menu = document.querySelector('nav.cam-nav > ul');
  if (!menu || !menu.querySelector('li.account') || menu.querySelector('li.samverkan-laget')) {
    return;
  }
  const item = document.createElement('li');
  item.className = 'samverkan-laget';
  const link = document.createElement('a');
  link.href = HREF;
  link.textContent = 'Läget';
  link.title = 'Var samverkan står: överenskommelsen, medborgarlöftena, EST, lagens krav och bemanningen';
  item.appendChild(link);
  menu.insertBefore(item, menu.firstChild);
}

new MutationObserver(addLink).observe(document.documentElement, { childList: true, subtree: true });
addLink();
