// Package records recognizes ServiceNow ticket numbers and record URLs in Mattermost
// messages. It is pure (no Mattermost or network calls) and cheap enough to run on every post.
//
// What counts as a mention:
//   - A number: a mapped prefix in uppercase followed by exactly the configured number of
//     digits, as a whole word ("_" and non-ASCII letters and digits are word characters).
//     "inc0010001" is not a number: ServiceNow numbers are uppercase, and lowercase words
//     are too often something else. Punctuation around a number is fine, including "#" and
//     markdown emphasis ("#INC0010001", "(INC0010001).", "**INC0010001**"). Not numbers:
//     "@INC0010001" and "~INC0010001" (Mattermost user and channel mentions; "~~" for
//     strikethrough is fine) and "INC0010001@example.com" (an e-mail address).
//   - A record URL of the configured instance (http or https, host in any case), bare, as
//     <autolink> or as the destination of [text](url). A record link is one mention covering
//     the whole "[text](url)", whatever its text. The forms, with parameters in any order
//     among others, and sys_ids of 32 hex digits:
//     /<table>.do?sys_id=<sys_id>, /<table>.do?sysparm_query=number=<number> (or sys_id=),
//     /nav_to.do?uri=<a form URL, encoded or not>,
//     /now/nav/ui/classic/params/target/<an encoded form URL>,
//     /kb_view.do?sysparm_article=<number> (or sys_kb_id=<sys_id>),
//     /now/<workspace>/record/<table>/<sys_id>.
//
// What is skipped: code spans, fenced and indented code blocks, and everything inside a link
// or URL that is not a record URL of the instance, so "[INC0010001](https://jira.example.com)"
// and "https://jira.example.com/browse/INC0010001" mention nothing. Reference-style links
// ("[INC0010001][1]") are read as plain text.
//
// Records are reported once, keyed by servicenow.RecordKey: a number and a number-form URL of
// the same record share a key; a sys_id URL cannot be tied to a number without asking
// ServiceNow, so the two are reported separately.
package records
