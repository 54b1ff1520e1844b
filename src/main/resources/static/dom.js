// stalin-kg: what the page scripts share. el(tag, attrs, ...children) makes an element: "class" sets its class,
// "text" its text, any other key an attribute; children are appended.
"use strict";
window.skg = window.skg || {};
window.skg.el = function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
};
// site(path) is the link to a path of this site ("/doc/x" or "doc/x") wherever the site is published, as a path from
// the host ("/doc/x" at the root, "/kg/doc/x" under /kg/): pages say in <meta name="site-root"> where the site's root
// is, relative to themselves, so the site works under a sub-path as at the root. A URL of elsewhere is returned whole.
window.skg.site = function site(path) {
  const meta = document.querySelector('meta[name="site-root"]');
  const root = new URL(meta ? meta.content : "/", document.baseURI);
  const url = new URL(String(path).replace(/^\/+(?!\/)/, ""), root);
  return url.origin === root.origin ? url.pathname + url.search + url.hash : url.href;
};
