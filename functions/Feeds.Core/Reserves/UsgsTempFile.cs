namespace Feeds.Core.Reserves;

/// <summary>A temporary file that deletes itself when its stream is closed: where a download or a ZIP entry waits to be parsed.</summary>
public static class UsgsTempFile
{
    public static FileStream Create() =>
        new(Path.Combine(Path.GetTempPath(), "feeds-usgs-" + Guid.NewGuid().ToString("N") + ".tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
