/**
 * The one Content-Security-Policy of the renderer, used by Electron (meta tag in
 * index.html) and by the browser host (HTTP header). Scripts only from the app
 * itself; inline styles are allowed because Mantine injects its CSS variables
 * in a <style> element at run time. No network access beyond the app's origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // A letter prints from its own PDF in a hidden same-origin frame (issue 13 item 3).
  'frame-src blob:',
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ')
