// Stands in for the entities package, which @mattermost/commonmark uses only to decode the HTML
// entities it has matched (&amp; &copy; &#x1F600;). The browser knows every entity; the package
// would add ~110 KB of tables. A textarea's content is text, so nothing in it runs or loads.
let field: HTMLTextAreaElement | undefined;

export function decodeHTMLStrict(text: string): string {
    field ??= document.createElement('textarea');
    field.innerHTML = text;
    return field.value;
}
