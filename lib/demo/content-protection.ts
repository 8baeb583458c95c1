// A small simulation of the content-protection platform (docs/compatibility.md): profiles
// are scanned, scans progress and complete (or fail), infringements are found
// and confirmed, takedowns move through their states. `next()` returns the
// next event to publish; the simulation keeps a few things in flight at once.

export interface DemoEvent {
  event: string;
  data: Record<string, unknown>;
}

const PROFILES = [
  { id: 42, name: "Content Creator Profile" },
  { id: 7, name: "Indie Photographer" },
  { id: 19, name: "Music Label Catalog" },
  { id: 88, name: "Streaming Personality" },
];
const PLATFORMS = ["google", "bing", "social_media", "tube-mirror", "imageboard"];
const SITES = ["unauthorized-site.com", "free-leaks.example", "mirror-cdn.example", "reupload.example"];
const TAKEDOWN_STEPS = ["pending", "acknowledged", "in_progress"] as const;

interface Scan {
  jobId: string;
  profile: (typeof PROFILES)[number];
  completed: number;
  total: number;
  found: number;
}
interface Takedown {
  id: string;
  infringementId: number;
  profileId: number;
  platform: string;
  step: number;
  submittedAt: string;
}

export class ContentProtectionDemo {
  private scans: Scan[] = [];
  private takedowns: Takedown[] = [];
  private seq = 0;
  private infringementSeq = 12000;

  constructor(private readonly random: () => number = Math.random) {}

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)];
  }

  next(): DemoEvent {
    const r = this.random();
    if (r < 0.02) return this.profileUpdated();
    if (r < 0.025) return this.maintenance();
    if (this.scans.length < 3 && (this.scans.length === 0 || r < 0.1)) return this.startScan();
    if (this.takedowns.length > 0 && r < 0.3) return this.advanceTakedown();
    if (this.scans.length > 0) return this.advanceScan();
    return this.startScan();
  }

  private startScan(): DemoEvent {
    const profile = this.pick(PROFILES);
    const scan: Scan = { jobId: `scan_${Date.now().toString(36)}${++this.seq}`, profile, completed: 0, total: 100 + Math.floor(this.random() * 100), found: 0 };
    this.scans.push(scan);
    return {
      event: "scan.started",
      data: {
        job_id: scan.jobId,
        profile_id: profile.id,
        profile_name: profile.name,
        scan_type: this.random() < 0.5 ? "manual" : "scheduled",
        platforms: PLATFORMS.slice(0, 3),
        estimated_duration: "5-15 minutes",
      },
    };
  }

  private advanceScan(): DemoEvent {
    const scan = this.pick(this.scans);
    if (this.random() < 0.3) {
      scan.found++;
      return this.infringement(scan);
    }
    scan.completed = Math.min(scan.total, scan.completed + 5 + Math.floor(this.random() * 20));
    if (scan.completed < scan.total) {
      return {
        event: "scan.progress",
        data: {
          job_id: scan.jobId,
          profile_id: scan.profile.id,
          progress: {
            completed: scan.completed,
            total: scan.total,
            percentage: Math.round((scan.completed / scan.total) * 100),
            current_platform: this.pick(PLATFORMS),
          },
          intermediate_results: { potential_matches: scan.found },
        },
      };
    }
    this.scans = this.scans.filter((s) => s !== scan);
    if (this.random() < 0.1) {
      return {
        event: "scan.failed",
        data: {
          job_id: scan.jobId,
          profile_id: scan.profile.id,
          error: { code: "PLATFORM_UNAVAILABLE", message: "Unable to connect to a search API", details: "Service temporarily unavailable" },
          partial_results: { infringements_found: scan.found },
          retry_scheduled: true,
        },
      };
    }
    return {
      event: "scan.completed",
      data: {
        job_id: scan.jobId,
        profile_id: scan.profile.id,
        profile_name: scan.profile.name,
        status: "completed",
        results: {
          infringements_found: scan.found,
          new_infringements: scan.found,
          scanned_urls: scan.total,
          platforms_scanned: PLATFORMS.slice(0, 3),
          high_confidence_matches: Math.ceil(scan.found / 2),
        },
      },
    };
  }

  private infringement(scan: Scan): DemoEvent {
    const id = ++this.infringementSeq;
    const site = this.pick(SITES);
    const confidence = Math.round((0.55 + this.random() * 0.45) * 100) / 100;
    if (confidence > 0.9) {
      this.takedowns.push({ id: `td_${id}`, infringementId: id, profileId: scan.profile.id, platform: this.pick(PLATFORMS), step: -1, submittedAt: new Date().toISOString() });
    }
    return {
      event: "infringement.detected",
      data: {
        infringement_id: id,
        profile_id: scan.profile.id,
        profile_name: scan.profile.name,
        url: `https://${site}/content/${id}`,
        platform: site.split(".")[0],
        confidence_score: confidence,
        match_type: this.pick(["facial_recognition", "perceptual_hash", "watermark"]),
        detected_at: new Date().toISOString(),
        scan_context: { job_id: scan.jobId },
      },
    };
  }

  private advanceTakedown(): DemoEvent {
    const td = this.pick(this.takedowns);
    td.step++;
    if (td.step === 0) {
      return {
        event: "takedown.submitted",
        data: { takedown_id: td.id, infringement_id: td.infringementId, profile_id: td.profileId, platform: td.platform, urgency: "high", status: "pending", submitted_at: td.submittedAt },
      };
    }
    const oldStatus = TAKEDOWN_STEPS[Math.min(td.step - 1, TAKEDOWN_STEPS.length - 1)];
    let newStatus: string = TAKEDOWN_STEPS[td.step] ?? (this.random() < 0.8 ? "completed" : "rejected");
    if (td.step >= TAKEDOWN_STEPS.length) {
      this.takedowns = this.takedowns.filter((t) => t !== td);
      newStatus = this.random() < 0.8 ? "completed" : "rejected";
    }
    return {
      event: "takedown.status_changed",
      data: { takedown_id: td.id, infringement_id: td.infringementId, profile_id: td.profileId, platform: td.platform, old_status: oldStatus, new_status: newStatus },
    };
  }

  private profileUpdated(): DemoEvent {
    const p = this.pick(PROFILES);
    return { event: "profile.updated", data: { profile_id: p.id, changes: { monitoring_enabled: { old: false, new: true } } } };
  }

  private maintenance(): DemoEvent {
    const start = new Date(Date.now() + 86_400_000);
    return {
      event: "system.maintenance",
      data: {
        maintenance_type: "scheduled",
        affected_services: ["scanning"],
        start_time: start.toISOString(),
        end_time: new Date(start.getTime() + 7_200_000).toISOString(),
        impact: "Scanning services will be temporarily unavailable",
      },
    };
  }
}
