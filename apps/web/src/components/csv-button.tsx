import { downloadFile } from '../api/client';
import { Button, ErrorAlert, useMutation } from './ui';

/** Downloads a CSV export of the API (authenticated) under `name`. */
export function CsvButton({ path, name, label }: { path: string; name: string; label: string }) {
  const download = useMutation(() => downloadFile(path, name));
  return (
    <>
      <Button variant="link" busy={download.busy} onClick={() => void download.submit()}>
        {label}
      </Button>
      <ErrorAlert error={download.error} />
    </>
  );
}
