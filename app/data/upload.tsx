// Sends a multipart form from this origin with upload progress (fetch has
// none): what the restore and import panels show in their progress bars.
export type UploadReply = { status: number; json: Record<string, unknown> };

export function uploadForm(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<UploadReply> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        json = { error: `the server answered ${xhr.status} without JSON` };
      }
      resolve({ status: xhr.status, json });
    };
    xhr.onerror = () => resolve({ status: 0, json: { error: "the upload failed: no connection to Cardinal" } });
    xhr.send(form);
  });
}

export function Progress({ label, value }: { label: string; value: number | null }) {
  return (
    <div className="space-y-1" data-testid="progress">
      <p className="text-sm">{label}</p>
      <div className="h-2 w-full overflow-hidden rounded bg-stone-200 dark:bg-stone-800" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value === null ? undefined : Math.round(value * 100)}>
        <div className={`h-full bg-red-700 ${value === null ? "w-1/3 animate-pulse" : ""}`} style={value === null ? undefined : { width: `${Math.round(value * 100)}%` }} />
      </div>
    </div>
  );
}
