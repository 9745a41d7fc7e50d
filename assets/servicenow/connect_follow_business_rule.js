/*
 * Connect Chat: send record updates to Mattermost (following records, F-61).
 *
 * Business rule, "after" insert and update, Advanced, on:
 *   - the task table (or each followed table: incident, problem, change_request, ...), and
 *   - sys_journal_field (a new comment or work note), with the condition
 *     current.element == 'work_notes' || current.element == 'comments'.
 * System properties (sys_properties):
 *   x_connect.webhook_url     https://<mattermost>/plugins/connect-chat/api/v1/servicenow/events
 *   x_connect.webhook_key     the System Console's "ServiceNow webhook secret", base64-encoded
 *                             (CertificateEncryption.generateMac takes its key in base64)
 * The event is signed: X-Connect-Timestamp = unix seconds, X-Connect-Signature = base64
 * HMAC-SHA256 over "<timestamp>.<body>". Connect refuses anything older than 5 minutes.
 */
(function executeRule(current, previous /* null when async */) {
    var record = current;
    var journal = [];
    if (current.getTableName() == 'sys_journal_field') {
        record = new GlideRecord('task');
        if (!record.get(current.getValue('element_id'))) {
            return;
        }
        journal.push({
            sys_id: current.getUniqueValue(),
            element: current.getValue('element'),
            value: current.getValue('value'),
            created_by: current.getValue('sys_created_by'),
            created_on: current.getValue('sys_created_on')
        });
    }

    var event = {
        event_id: gs.generateGUID(),
        table: record.getRecordClassName(),
        sys_id: record.getUniqueValue(),
        number: record.getValue('number'),
        short_description: record.getValue('short_description'),
        state: record.getDisplayValue('state'),
        priority: record.getDisplayValue('priority'),
        assigned_to: record.getDisplayValue('assigned_to'),
        assignment_group: record.getDisplayValue('assignment_group'),
        sys_updated_on: record.getValue('sys_updated_on'),
        journal: journal
    };
    var body = JSON.stringify(event);
    var timestamp = String(Math.floor(new GlideDateTime().getNumericValue() / 1000));
    var key = gs.getProperty('x_connect.webhook_key');
    var signature = new CertificateEncryption().generateMac(key, 'HmacSHA256', timestamp + '.' + body);

    var request = new sn_ws.RESTMessageV2();
    request.setEndpoint(gs.getProperty('x_connect.webhook_url'));
    request.setHttpMethod('POST');
    request.setRequestHeader('Content-Type', 'application/json');
    request.setRequestHeader('X-Connect-Timestamp', timestamp);
    request.setRequestHeader('X-Connect-Signature', signature);
    request.setRequestBody(body);
    request.setHttpTimeout(10000);
    try {
        request.executeAsync(); // never holds up the user's save
    } catch (e) {
        gs.warn('Connect Chat: the record event was not sent: ' + e.message);
    }
})(current, previous);
