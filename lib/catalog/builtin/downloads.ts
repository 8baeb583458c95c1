// Downloads API (video download service): one request's lifecycle. Examples are the
// downloads API guide's `data` objects; progress events are throttled to one a second.
import { dataSchema, int, num, obj, oneOf, str, uri, type BuiltinEventType } from "./schema-helpers";

const origin = "downloads API";
const base = { request_id: str, url: uri };

export const downloadTypes: BuiltinEventType[] = [
  {
    name: "download.started",
    origin,
    description: "A download request started.",
    schema: dataSchema("download.started", { ...base, status: oneOf("running") }),
    example: { request_id: "req_abc123", url: "https://example.com/video", status: "running" },
  },
  {
    name: "download.progress",
    origin,
    description: "Progress of a running download (at most once a second).",
    schema: dataSchema("download.progress", {
      ...base,
      status: oneOf("running"),
      progress: obj(
        { percent: { type: "number", minimum: 0, maximum: 100 }, downloaded_bytes: int, total_bytes: int, speed: num, eta: num },
        ["downloaded_bytes", "total_bytes", "speed", "eta"],
      ),
    }),
    example: {
      request_id: "req_abc123",
      url: "https://example.com/video",
      status: "running",
      progress: { percent: 45.5, downloaded_bytes: 47721881, total_bytes: 104857600, speed: 1048576, eta: 54 },
    },
  },
  {
    name: "download.completed",
    origin,
    description: "A download finished; `file_info` says where the file is.",
    schema: dataSchema(
      "download.completed",
      {
        ...base,
        status: oneOf("completed"),
        file_info: obj({ filename: str, filepath: str, size_bytes: int, download_url: uri }, ["filepath", "download_url"]),
        metadata: obj({ title: str, uploader: str, duration: num }, ["title", "uploader", "duration"]),
      },
      ["metadata"],
    ),
    example: {
      request_id: "req_abc123",
      url: "https://example.com/video",
      status: "completed",
      file_info: {
        filename: "video-abc123.mp4",
        filepath: "videos/video-abc123.mp4",
        size_bytes: 104857600,
        download_url: "https://api.example.com/files/videos/video-abc123.mp4",
      },
      metadata: { title: "Example Video", uploader: "Channel Name", duration: 600 },
    },
  },
  {
    name: "download.failed",
    origin,
    description: "A download failed; `error` says why.",
    schema: dataSchema("download.failed", { ...base, status: oneOf("failed"), error: str }),
    example: { request_id: "req_abc123", url: "https://example.com/video", status: "failed", error: "Video not available" },
  },
];
