package notify

import "time"

// recipientTTL is how long a recipient's name and mention keys are reused for the "only
// @mentions" check: Mattermost has no hook for a changed profile, so a change counts within it.
const recipientTTL = 5 * time.Minute
