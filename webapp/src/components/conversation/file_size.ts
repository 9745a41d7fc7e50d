// A file's size as the chips show it: "512 B", "14 KB", "2.3 MB" (1 KB = 1024 bytes, as Mattermost says).
export function formatFileSize(bytes: number): string {
    const units = ['B', 'KB', 'MB', 'GB'];
    let size = Math.max(bytes, 0);
    let unit = 0;
    while (size >= 1024 && unit < units.length - 1) {
        size /= 1024;
        unit += 1;
    }
    const shown = unit === 0 || size >= 10 ? Math.round(size) : Math.round(size * 10) / 10;
    return `${shown} ${units[unit]}`;
}
