import LanguageIcon from '@mui/icons-material/Translate';
import { IconButton, Menu, MenuItem, Tooltip } from '@mui/material';
import { type MouseEvent, useState } from 'react';
import { LocalesMenuButton, useLocaleState, useLocales, useTranslate } from 'react-admin';
import { usePhone } from '../common/usePhone';

/**
 * The language switch: react-admin's button with the language's name on a desktop; on a phone
 * its icon only, so that the page's title keeps the app bar's room.
 */
export const LanguageButton = () => {
  const phone = usePhone();
  return phone ? <LanguageIconButton /> : <LocalesMenuButton />;
};

const LanguageIconButton = () => {
  const translate = useTranslate();
  const languages = useLocales();
  const [locale, setLocale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const current = languages.find((language) => language.locale === locale)?.name ?? locale;
  const label = `${translate('app.language')}: ${current}`;
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          color="inherit"
          aria-label={label}
          aria-haspopup="true"
          onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        >
          <LanguageIcon />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {languages.map((language) => (
          <MenuItem
            key={language.locale}
            selected={language.locale === locale}
            lang={language.locale}
            onClick={() => {
              setLocale(language.locale);
              setAnchor(null);
            }}
          >
            {language.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
