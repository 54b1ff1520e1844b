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
