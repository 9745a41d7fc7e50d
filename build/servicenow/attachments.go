package standin

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// The Attachment API, as ServiceNow documents it: POST /api/now/attachment/file uploads one
// file's bytes (the body, with the file's Content-Type) to the record table_name/table_sys_id
// as file_name, and GET /api/now/attachment lists the attachments' metadata, filtered by
// sysparm_query (table_sys_id=..., table_name=..., file_name=...). Uploads larger than the
// instance's com.glide.attachment.max_size (1024 MB by default; SetAttachmentMaxSize) are
// refused with 413, bad parameters with 400.

// DefaultAttachmentMaxSize is com.glide.attachment.max_size's default: 1024 MB.
const DefaultAttachmentMaxSize = 1024 << 20

// Attachment is one file attached to a record.
type Attachment struct {
	SysID       string
	TableName   string
	TableSysID  string
	FileName    string
	ContentType string
	Content     []byte
	CreatedBy   string
	CreatedOn   string
}

// attachments are the stand-in's sys_attachment rows and its size limit.
type attachments struct {
	rows    []Attachment
	maxSize int64 // 0: DefaultAttachmentMaxSize
}

// SetAttachmentMaxSize sets com.glide.attachment.max_size in bytes; 0 restores the default.
func (s *Server) SetAttachmentMaxSize(bytes int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files.maxSize = bytes
}

// AttachmentsOf returns the files attached to the record with this sys_id, oldest first.
func (s *Server) AttachmentsOf(sysID string) []Attachment {
	s.mu.Lock()
	defer s.mu.Unlock()
	var found []Attachment
	for _, a := range s.files.rows {
		if a.TableSysID == sysID {
			found = append(found, a)
		}
	}
	return found
}

func (s *Server) handleUploadAttachment(w http.ResponseWriter, r *http.Request) {
	params := r.URL.Query()
	table, sysID, fileName := params.Get("table_name"), params.Get("table_sys_id"), params.Get("file_name")
	for name, value := range map[string]string{"table_name": table, "table_sys_id": sysID, "file_name": fileName} {
		if value == "" {
			writeError(w, http.StatusBadRequest, "Missing parameter: "+name, "")
			return
		}
	}
	s.mu.Lock()
	maxSize := s.files.maxSize
	s.mu.Unlock()
	if maxSize <= 0 {
		maxSize = DefaultAttachmentMaxSize
	}
	content, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxSize))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		writeError(w, http.StatusRequestEntityTooLarge, "Request Entity Too Large",
			fmt.Sprintf("The attachment exceeds the maximum attachment size (com.glide.attachment.max_size: %d bytes)", maxSize))
		return
	case err != nil:
		writeError(w, http.StatusBadRequest, "Exception while reading request", err.Error())
		return
	case len(content) == 0:
		writeError(w, http.StatusBadRequest, "Failed to create the attachment. File part might be missing in the request.", "")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.data.tables[table]
	if !ok {
		writeError(w, http.StatusBadRequest, "Invalid table "+table, "")
		return
	}
	if _, found := t.get(sysID); !found {
		writeError(w, http.StatusBadRequest, "Invalid table_sys_id "+sysID, "Record doesn't exist or ACL restricts the record retrieval")
		return
	}
	user, _, _ := r.BasicAuth()
	a := Attachment{
		TableName: table, TableSysID: sysID, FileName: fileName, Content: content, CreatedBy: user, CreatedOn: Now(),
		ContentType: strings.TrimSpace(strings.Split(r.Header.Get("Content-Type"), ";")[0]),
	}
	a.SysID = SampleSysID("sys_attachment", sysID+fileName+strconv.Itoa(len(s.files.rows)))
	s.files.rows = append(s.files.rows, a)
	writeJSON(w, http.StatusCreated, map[string]any{"result": s.attachmentMeta(a)})
}

func (s *Server) handleListAttachments(w http.ResponseWriter, r *http.Request) {
	conditions := map[string]string{}
	for _, part := range strings.Split(r.URL.Query().Get("sysparm_query"), "^") {
		if field, value, ok := strings.Cut(part, "="); ok {
			conditions[field] = value
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	result := []map[string]any{}
	for _, a := range s.files.rows {
		fields := map[string]string{"table_sys_id": a.TableSysID, "table_name": a.TableName, "file_name": a.FileName, "sys_id": a.SysID}
		matches := true
		for field, value := range conditions {
			if fields[field] != value {
				matches = false
			}
		}
		if matches {
			result = append(result, s.attachmentMeta(a))
		}
	}
	w.Header().Set("X-Total-Count", strconv.Itoa(len(result)))
	writeJSON(w, http.StatusOK, map[string]any{"result": result})
}

func (s *Server) attachmentMeta(a Attachment) map[string]any {
	return map[string]any{
		"sys_id": a.SysID, "table_name": a.TableName, "table_sys_id": a.TableSysID, "file_name": a.FileName,
		"content_type": a.ContentType, "size_bytes": strconv.Itoa(len(a.Content)),
		"download_link":  s.url + "/api/now/attachment/" + a.SysID + "/file",
		"sys_created_by": a.CreatedBy, "sys_created_on": a.CreatedOn,
	}
}
