import { Button } from 'antd';
import { ShareAltOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n';
import { notifySuccess, notifyWarning } from '../../shared/notify';

/**
 * Share a public page: the phone's share sheet where there is one (WeChat, messages), otherwise
 * the link is copied for pasting into a chat group.
 */
export function ShareButton({ path, title, size }: { path: string; title: string; size?: 'small' | 'middle' }) {
  const { t } = useI18n();
  const link = `${window.location.origin}${path}`;
  const share = async () => {
    const nav = navigator as Navigator & { share?: (d: ShareData) => Promise<void> };
    if (nav.share && /Mobi|Android|iPhone/i.test(navigator.userAgent)) {
      try {
        await nav.share({ title, url: link });
        return;
      } catch {
        /* cancelled: fall back to copying */
      }
    }
    try {
      await navigator.clipboard.writeText(link);
      notifySuccess(t('pub.linkCopied'));
    } catch {
      // Clipboard blocked (http, old browser): show the link so it can be copied by hand.
      notifyWarning(`${t('pub.copyManually')} ${link}`);
    }
  };
  return (
    <Button icon={<ShareAltOutlined />} size={size} onClick={() => void share()} data-testid="share-link">
      {t('pub.share')}
    </Button>
  );
}
