package servicenow

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"unicode"
)

// attachmentPath is the Attachment API's upload of one file's bytes.
const attachmentPath = "/api/now/attachment/file"

// AddAttachment attaches a file to a record with the Attachment API (POST
// /api/now/attachment/file?table_name=&table_sys_id=&file_name=, the bytes as the body, the
// file's own Content-Type). ServiceNow refuses a file larger than its
// com.glide.attachment.max_size. It is sent once, not retried: the caller queues and retries.
func (c *Client) AddAttachment(ctx context.Context, table, sysID, fileName, contentType string, content []byte) error {
	switch {
	case !ValidTable(table):
		return invalid(table, "not a table name")
	case !ValidSysID(sysID):
		return invalid(sysID, "not a sys_id")
	case !validFileName(fileName):
		return invalid(fileName, "not a file name")
	case len(content) == 0:
		return invalid(fileName, "an empty file cannot be attached")
	}
	if contentType == "" || strings.ContainsAny(contentType, "\r\n") {
		contentType = "application/octet-stream"
	}
	trial, err := c.breaker.allow(c.now())
	if err != nil {
		c.failures.Add(1)
		return err
	}
	_, err = c.send(ctx, apiRequest{
		path: attachmentPath, method: http.MethodPost, body: content, contentType: contentType,
		query: url.Values{"table_name": {table}, "table_sys_id": {sysID}, "file_name": {fileName}},
	}, 1)
	c.breaker.record(c.now(), breakerOutcome(ctx, err), trial)
	if err != nil {
		c.failures.Add(1)
	}
	return err
}

func validFileName(name string) bool {
	if name == "" || len(name) > 255 || strings.ContainsAny(name, `/\`) {
		return false
	}
	return !strings.ContainsFunc(name, unicode.IsControl)
}
