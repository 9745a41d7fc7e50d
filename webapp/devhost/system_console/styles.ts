// A rough stand-in for the web app's System Console styles (sass/routes/_admin-console.scss):
// the plugin list on the left, the page on white, each setting a label column and a control column.
// A string: the dev host's bundle has no CSS loader.
export const consoleCss = `
.devhost-admin-console {
    grid-area: center / lhs / center / rhs;
    display: grid;
    grid-template-columns: 220px minmax(0, 1fr);
    overflow: hidden;
    background: #ffffff;
    color: #3f4350;
    border-radius: 8px;
}
.devhost-admin-console .admin-sidebar { overflow: auto; padding: 16px 0; background: #1e325c; color: #ffffff; }
.devhost-admin-console .admin-sidebar ul { margin: 0; padding: 0; list-style: none; }
.devhost-admin-console .admin-sidebar a { display: block; padding: 6px 20px; color: #ffffff; text-decoration: none; }
.devhost-admin-console .admin-sidebar a:hover { background: rgba(255, 255, 255, 0.08); }
.devhost-schema-page { overflow: auto; padding: 0 0 72px; background: #f9f9fa; }
.devhost-schema-page .admin-console__header { margin: 0; padding: 20px 32px; font-size: 22px; font-weight: 600; background: #ffffff; border-bottom: 1px solid rgba(63, 67, 80, 0.12); }
.devhost-schema-page > .admin-console__wrapper { padding: 20px 32px; }
.devhost-schema-page .config-section { margin-bottom: 20px; background: #ffffff; border: 1px solid rgba(63, 67, 80, 0.12); border-radius: 4px; box-shadow: 0 2px 3px rgba(0, 0, 0, 0.08); }
.devhost-schema-page .config-section .admin-console__content { padding: 0; }
.devhost-schema-page .section-header { padding: 20px 32px; border-bottom: 1px solid rgba(63, 67, 80, 0.12); }
.devhost-schema-page .section-title { font-size: 16px; font-weight: 600; }
.devhost-schema-page .section-subtitle { margin-top: 4px; color: rgba(63, 67, 80, 0.72); }
.devhost-schema-page .section-body { padding: 12px 32px; }
.devhost-schema-page .form-group { display: flex; gap: 16px; margin: 12px 0; }
.devhost-schema-page .control-label { flex: 0 0 33%; font-weight: 600; padding-top: 6px; }
.devhost-schema-page .col-sm-8 { flex: 1 1 auto; min-width: 0; }
.devhost-schema-page .form-control { box-sizing: border-box; width: 100%; padding: 6px 12px; font: inherit; color: inherit; border: 1px solid rgba(63, 67, 80, 0.32); border-radius: 4px; background: #ffffff; }
.devhost-schema-page textarea.form-control { font-family: monospace; }
.devhost-schema-page .help-text { margin-top: 6px; color: rgba(63, 67, 80, 0.76); font-size: 13px; }
.devhost-schema-page .radio-inline { display: inline-flex; align-items: center; gap: 6px; margin: 6px 20px 0 0; }
.devhost-schema-page .btn { padding: 8px 16px; font: inherit; font-weight: 600; border-radius: 4px; border: 0; cursor: pointer; }
.devhost-schema-page .btn:disabled { opacity: 0.48; cursor: default; }
.devhost-schema-page .btn-primary { background: #1c58d9; color: #ffffff; }
.devhost-schema-page .btn-tertiary { background: rgba(28, 88, 217, 0.08); color: #1c58d9; }
.devhost-schema-page .banner { margin: 12px 0; padding: 12px 16px; background: rgba(28, 88, 217, 0.08); border-radius: 4px; }
.devhost-schema-page .banner.warning { background: rgba(255, 188, 31, 0.16); }
.devhost-schema-page .admin-console-save { padding: 12px 32px; background: #ffffff; border-top: 1px solid rgba(63, 67, 80, 0.12); }
.devhost-schema-page .error-message { color: #b3261e; }
`;
