// Package upgrade owns the version of the data Connect keeps, and the migrations that bring
// data an older release wrote up to it when a newer release is installed in place.
//
// # What Connect keeps
//
// In the plugin's KV store (shared by every server of a cluster), by key prefix, with the
// package that owns each:
//
//	key                                   owner          value
//	data_version                          upgrade        the data version document (below)
//	closed-<user>                         conversations  conversations the user closed (JSON)
//	group-name-<channel>                  conversations  a managed group's generated name
//	notify_emails_<user>                  notify         the bell's email choices, channel → level (JSON)
//	notify_email_mention_<user>_<channel> notify         legacy "@mentions only" mark (read, never written)
//	digest_user_<user>                    digest         digest settings (JSON)
//	digest_progress_<user>                digest         how far the user's digests reached (JSON)
//	digest_claim_<user>                   digest         a run's claim on the user (expires)
//	digest_index_<page>, digest_indexed_<user>, digest_index_built
//	                                      digest         the opted-in users' index
//	digest_secret                         digest         the stop links' signing key
//	follow_record_<table>_<sys_id>        follow         a followed record: its conversation, followers (JSON)
//	follow_poll_since                     follow         the last poll (ms)
//	follow_kind_<channel>_<user>          follow         journal field for the user's messages
//	follow_seen_sig_<sig>                 follow         webhook replay guard (expires)
//	follow_wrote_<...>                    follow         texts written to a record, not echoed (expires)
//	records_fill_<post>                   records        a pending card fill (JSON, expires)
//	records_in_<record>                   records        conversations mentioning a record (JSON, expires)
//	journal_saved_<sys_id>                journal        messages already saved to a record (JSON)
//	create_req_<id>                       creation       one record per creation request (expires)
//	outbox_q_<hash>, outbox_d_<hash>, outbox_c_<hash>
//	                                      outbox         queued ServiceNow writes, done marks, claims
//	receipts_off                          receipts       who turned read receipts off (JSON list)
//	staff_roles, staff_roles_sync         staff          ServiceNow role holders, last sync (JSON)
//	recovery_alive_<host>                 recovery       each server's heartbeat (JSON)
//
// Left by builds older than 31cb5b5 and read by nothing now: follow_out_<post> (two-way writes
// queued before they went through the outbox, ff4ece6) and follow_channel_<channel> (a copy of
// the index, dropped in a127e95). No migration moves them: they predate the release this one
// upgrades from; a site still on such a build would lose the two-way writes queued there.
//
// Cluster locks (pluginapi's cluster mutex keeps them as KV keys too): data_version_lock,
// staff_role_sync_lock, follow_lock_<sys_id>, journal_saved_<sys_id>.
//
// On posts (props): connect_records (the cards: table, number, sys_id, status, problem, stale,
// found_table, found_sys_id) beside the cards' own attachments, connect_journal (work_notes or
// comments), connect_record_update (the record's number on the bot's update posts),
// connect_swarm (who was brought in), connect_created_record; connect_card_update only passes
// through the update hook and is never stored. In Mattermost's own records: the channel
// member's notify props (desktop, push, email, mark_unread: the bell), managed groups as
// private channels the connect bot created, and the System Console settings (plugin
// configuration, not versioned here). The mini windows are kept in the browser.
//
// # The data version
//
// data_version holds {"version": n} (and "older_ran": m after a downgrade, below). A release
// reads it once on activation:
//
//   - equal to Version: nothing to do (one KV read).
//   - missing or older: under a cluster lock, the migrations above the stored version run in
//     order, and the version is written after each, so a crash resumes where it stopped.
//     Every migration may run again safely. Data from before versions existed (releases up
//     to 31cb5b5) counts as version 0.
//   - newer (a downgrade): nothing is migrated down and the version is never written back;
//     the older release works on the data it understands and logs that the data is newer.
//     It notes "older_ran": its own version, so that the newer release, installed again,
//     runs its migrations above that version once more over what the older one wrote.
//
// Releases up to 31cb5b5 read no version, so they note nothing when they run on newer data: a
// newer release cannot tell that one ran, and its readers keep accepting what version 1 wrote
// for as long as a site may go back to one of them.
//
// Post props carry no version: every reader, in this release and the previous one, reads the
// fields it knows and ignores the others (the server's cardFromValue and JSON decoding; the
// web app's cardsOf in webapp/src/components/conversation/attachments.ts); a card status it
// does not know counts as not settled (the card is filled again); and what every client shows
// is the attachments Mattermost renders. A field whose meaning changes gets a new name instead.
//
// Compatible reads rather than migrations: the bell's legacy email choices (a user without a
// notify_emails_ document has their choices read once from their memberships' email props
// and mention marks, and saved as the document: notify's readChoices) stay a read, because a
// migration would have to read every user's memberships to find them; a remembered journal
// field other than comments reads as work notes (follow's rememberedKind).
package upgrade
