package platform

// Page sizes of the paginated plugin API calls.
const (
	pageSize = 200
	// membershipPage is larger: a user's memberships are read whole for the conversation list.
	membershipPage = 1000
	kvListPage     = 1000
)

// allPages reads every page of a paginated plugin API call, perPage items at a time.
func allPages[T any](perPage int, read func(page, perPage int) ([]T, error)) ([]T, error) {
	var all []T
	for page := 0; ; page++ {
		batch, err := read(page, perPage)
		if err != nil {
			return nil, err
		}
		all = append(all, batch...)
		if len(batch) < perPage {
			return all, nil
		}
	}
}
