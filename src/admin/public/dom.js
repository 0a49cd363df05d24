// Small DOM helpers. Server text only ever goes in with textContent: nothing here parses HTML.
export const $ = (id) => document.getElementById(id);

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

export function button(label, onClick, className) {
  const b = el('button', className, label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

let toastTimer = null;
export function toast(message, isError) {
  const t = $('toast');
  t.textContent = message;
  t.classList.toggle('error', Boolean(isError));
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, 4000);
}

/** Run an async action, showing its error as a toast; disables `control` meanwhile. */
export async function guarded(control, action) {
  if (control) control.disabled = true;
  try {
    return await action();
  } catch (err) {
    toast(err.message, true);
    return undefined;
  } finally {
    if (control) control.disabled = false;
  }
}

export function table(node, head, rows) {
  const thead = el('thead');
  const tr = el('tr');
  for (const h of head) tr.append(el('th', null, h));
  thead.append(tr);
  const tbody = el('tbody');
  for (const cells of rows) {
    const row = el('tr');
    for (const c of cells) {
      const td = el('td');
      if (c instanceof Node) td.append(c); else td.textContent = c === null || c === undefined ? '' : String(c);
      row.append(td);
    }
    tbody.append(row);
  }
  node.replaceChildren(thead, tbody);
}

export const KINDS = ['incident', 'service_request', 'question', 'ticket_status', 'greeting'];

export function fillKinds(select, selected) {
  select.replaceChildren(...KINDS.map((k) => {
    const o = el('option', null, k.replace('_', ' '));
    o.value = k;
    o.selected = k === selected;
    return o;
  }));
}

export const percent = (x) => `${(x * 100).toFixed(1)}%`;
